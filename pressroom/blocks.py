"""What the pressroom's editors may use in its rich-text fields (intros, transcripts, answers)."""

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
