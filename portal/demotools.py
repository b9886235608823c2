"""Building blocks of the demo content, and the portal's own part of it.

Each app, the portal included, may have a ``demo.py`` that registers a builder with ``@demo_builder(order)``;
``manage.py load_demo_content`` finds them through Django's app registry, so the
portal never imports the sections. Builders only create what is missing and never
overwrite a page that exists, so running the command again changes nothing and keeps
editors' changes.
"""

from wagtail.models import Page, Site

from .siteaddress import point_default_site

_BUILDERS = []


def demo_builder(order):
    def register(function):
        _BUILDERS.append((order, function.__module__, function))
        return function

    return register


def registered_builders():
    return [function for _order, _module, function in sorted(_BUILDERS, key=lambda entry: entry[:2])]


def paragraphs(text):
    """Rich-text HTML from plain text whose paragraphs are separated by blank lines."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.strip().split("\n\n"))


def ensure_featured_link(home, page, sort_order, **fields):
    """A link to `page` among the home page's featured links, added once."""
    from .models import HomeFeaturedLink

    if not home.featured_links.filter(link_page=page).exists():
        HomeFeaturedLink.objects.create(home_page=home, link_page=page, sort_order=sort_order, **fields)


def ensure_page(parent, model, slug, **fields):
    """The child of `parent` with `slug`, created and published from `fields` if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page():
    """The site's HomePage, replacing Wagtail's placeholder welcome page on a new database."""
    from .models import HomePage

    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return None


def create_home_page(**fields):
    from .models import HomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    placeholder = site.root_page if site else None
    if placeholder is not None and placeholder.specific_class is Page and not placeholder.get_children().exists():
        # Wagtail's "Welcome" page of a new database: it holds the "home" slug and nothing else.
        placeholder.delete()
    home = HomePage(slug="home", **fields)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    point_default_site(home)
    return home
