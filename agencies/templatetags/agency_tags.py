from django import template

register = template.Library()


@register.simple_tag
def letter_anchor(letter):
    """The fragment of a directory letter: letter-a ... letter-z, letter-other for "#"."""
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
