/*
 * Every translated field of an edit form shows all its languages at once, side by side.
 *
 * wagtail-modeltranslation renders one panel per language, labelled "Title [en]", "Title [zh-hans]",
 * one under the other. This script (loaded by portal.admin_editing, never inline: the admin's
 * Content-Security-Policy) puts each field's panels into one group that CSS lays out in columns
 * where the screen is wide enough, names each language in its own words ("English", "中文")
 * instead of the code, and adds buttons that hide or show one language's fields. A language an
 * editor hides stays hidden on every form until they show it again (localStorage), and at least
 * one language always stays shown.
 */
(() => {
  const script = document.currentScript;
  const languages = JSON.parse(script.dataset.languages);
  const text = JSON.parse(script.dataset.text);
  const STORAGE_KEY = 'portal.admin.hiddenLanguages';
  const byCode = new Map(languages.map((language) => [language.code, language]));
  const escaped = languages.map((language) => language.code.replace(/[-]/g, '\\-'));
  // "Title [zh-hans]" (then perhaps the required mark, a separate element).
  const suffix = new RegExp(`\\s*\\[(${escaped.join('|')})\\]\\s*$`);

  function hiddenLanguages() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '[]');
      const hidden = Array.isArray(stored) ? stored.filter((code) => byCode.has(code)) : [];
      return hidden.length < languages.length ? hidden : [];
    } catch {
      return [];
    }
  }

  function storeHiddenLanguages(hidden) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(hidden));
    } catch {
      // Private browsing without storage: the choice lasts for this page only.
    }
  }

  /* The text node of a label that ends with a language code, and that code. */
  function languageOfLabel(label) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = suffix.exec(node.nodeValue);
      if (match) return { node, code: match[1] };
    }
    return null;
  }

  function languageTag(code) {
    const tag = document.createElement('span');
    tag.className = 'w-language-tag';
    tag.lang = byCode.get(code).lang;
    tag.textContent = byCode.get(code).label;
    return tag;
  }

  /* Names the language of each translated field's label, and returns the field's panels. */
  function markPanels(root) {
    const panels = [];
    root.querySelectorAll('label').forEach((label) => {
      const found = languageOfLabel(label);
      if (!found) return;
      const base = found.node.nodeValue.replace(suffix, '');
      found.node.nodeValue = base;
      label.insertBefore(languageTag(found.code), found.node.nextSibling);
      // A field of its own (a section with a heading) or one field of a group of fields.
      const panel = label.closest('section.w-panel, div.w-panel__wrapper');
      if (!panel || panel.dataset.language) return;
      panel.dataset.language = found.code;
      panel.dataset.translatedField = base.trim();
      panels.push(panel);
    });
    return panels;
  }

  /* Panels of one field stand next to each other: wrap each run of them in one group. */
  function groupPanels(panels) {
    panels.forEach((panel) => {
      if (panel.parentElement.classList.contains('w-bilingual')) return;
      const run = [panel];
      let next = panel.nextElementSibling;
      while (
        next &&
        next.dataset.translatedField === panel.dataset.translatedField &&
        !run.some((other) => other.dataset.language === next.dataset.language)
      ) {
        run.push(next);
        next = next.nextElementSibling;
      }
      if (run.length < 2) return;
      const group = document.createElement('div');
      group.className = 'w-bilingual';
      group.dataset.bilingualField = panel.dataset.translatedField;
      panel.before(group);
      run.forEach((member) => group.append(member));
    });
  }

  function applyHidden(form, hidden, buttons) {
    // Panels only: the toggles name their language in data-toggle-language.
    form.querySelectorAll('[data-language]').forEach((panel) => {
      panel.classList.toggle('w-language-hidden', hidden.includes(panel.dataset.language));
    });
    buttons.forEach((button) => {
      const shown = !hidden.includes(button.dataset.toggleLanguage);
      button.setAttribute('aria-pressed', shown ? 'true' : 'false');
    });
  }

  function buildToolbar(form) {
    const toolbar = document.createElement('div');
    toolbar.className = 'w-bilingual-toolbar';
    toolbar.setAttribute('role', 'group');
    const heading = document.createElement('span');
    heading.className = 'w-bilingual-toolbar__label';
    heading.id = 'w-bilingual-toolbar-label';
    heading.textContent = text.shown;
    toolbar.setAttribute('aria-labelledby', heading.id);
    toolbar.append(heading);
    const buttons = languages.map((language) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-small button-secondary w-bilingual-toolbar__toggle';
      button.dataset.toggleLanguage = language.code;
      button.lang = language.lang;
      button.textContent = language.label;
      toolbar.append(button);
      return button;
    });
    buttons.forEach((button) => {
      button.addEventListener('click', () => {
        const hidden = hiddenLanguages();
        const code = button.dataset.toggleLanguage;
        const next = hidden.includes(code) ? hidden.filter((other) => other !== code) : [...hidden, code];
        if (next.length >= languages.length) return; // the last language shown stays shown
        storeHiddenLanguages(next);
        applyHidden(form, next, buttons);
      });
    });
    // Another tab of the admin changed the choice: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) applyHidden(form, hiddenLanguages(), buttons);
    });
    return { toolbar, buttons };
  }

  /* wagtail-modeltranslation's "Copy content from: zh-hans" on StreamFields, in words. */
  function nameCopyButtons(root) {
    root.querySelectorAll('.translation-field-copy-wrapper').forEach((wrapper) => {
      const words = wrapper.firstChild;
      if (words && words.nodeType === Node.TEXT_NODE) words.nodeValue = `${text.copyFrom} `;
      wrapper.querySelectorAll('button.translation-field-copy').forEach((button) => {
        const code = button.textContent.trim();
        if (byCode.has(code)) {
          button.textContent = byCode.get(code).label;
          button.lang = byCode.get(code).lang;
        }
      });
    });
  }

  function start() {
    const form = document.querySelector('form[data-edit-form]');
    if (!form) return;
    const panels = markPanels(form);
    if (panels.length === 0) return;
    groupPanels(panels);
    form.dataset.bilingual = '';
    const { toolbar, buttons } = buildToolbar(form);
    // Above the fields, below the tabs (Content, Promote) where there are tabs.
    const content = form.querySelector('.w-tabs .tab-content') || form.querySelector('.w-form-width');
    if (content) content.prepend(toolbar);
    else form.prepend(toolbar);
    applyHidden(form, hiddenLanguages(), buttons);
    nameCopyButtons(form);

    // Items added to an inline panel (a featured link, a step) come with fields of their own.
    new MutationObserver((records) => {
      records.forEach((record) => {
        record.addedNodes.forEach((node) => {
          if (node.nodeType !== Node.ELEMENT_NODE || node.closest('.w-bilingual-toolbar')) return;
          const panels = markPanels(node);
          groupPanels(panels);
          if (panels.length) applyHidden(form, hiddenLanguages(), buttons);
          // The copy buttons are written into their wrapper after it is added.
          const copy = node.closest('.translation-field-copy-wrapper');
          nameCopyButtons(copy ? copy.parentElement : node);
        });
      });
    }).observe(form, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
