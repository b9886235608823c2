/*
 * Wagtail's date-and-time pickers, made fit for scheduling (loaded by portal.admin_editing).
 *
 * - Times every 15 minutes, not only on the hour: a release scheduled for 10:30 can be picked,
 *   not only typed.
 * - In a dialog (Set publishing schedule), the picker opens inside the dialog, in the flow of its
 *   fields, instead of floating over the dialog's "Save schedule" button.
 *
 * Wagtail starts each picker from a script beside its input (window.initDateTimeChooser); those
 * already started are changed here, and later ones (in added StreamField blocks) are started
 * with these options.
 */
(() => {
  const $ = window.jQuery;
  if (!$ || !$.fn.datetimepicker || !window.initDateTimeChooser) return;
  const STEP_MINUTES = 15;

  function inDialog(input) {
    return input.closest('.w-dialog, [data-controller~="w-dialog"]');
  }

  function adjust(input) {
    if (!input || input.dataset.portalPicker) return;
    const picker = $(input).data('xdsoft_datetimepicker');
    if (!picker) return;
    input.dataset.portalPicker = '';
    $(input).datetimepicker({ step: STEP_MINUTES });
    if (inDialog(input)) {
      const field = input.closest('[data-field-wrapper], .w-field__wrapper') || input.parentElement;
      field.after(picker[0]);
      picker[0].classList.add('portal-picker-in-flow');
    }
  }

  const start = window.initDateTimeChooser;
  window.initDateTimeChooser = (id, options) => {
    start(id, { ...options, step: STEP_MINUTES });
    adjust(document.getElementById(id));
  };

  document.querySelectorAll('input').forEach(adjust);
})();
