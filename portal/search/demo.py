"""Demo synonyms (``synonyms.toml``): 乡镇 for the townships the pages call 街镇, and the like."""

from portal.demotools import demo_builder, read_data

from .models import Synonym


@demo_builder(order=90)
def build_search_synonyms():
    for group in read_data(__file__, "synonyms")["synonym"]:
        known = {term for synonym in Synonym.objects.filter(language=group["language"]) for term in synonym.term_list()}
        if not known.intersection(group["terms"]):
            Synonym.objects.create(language=group["language"], terms="\n".join(group["terms"]))
