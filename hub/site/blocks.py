"""StreamField blocks for content pages, each rendered with its GOV.UK Design System pattern."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "document-link"])

    class Meta:
        icon = "openquote"
        template = "site/blocks/inset_text.html"
        help_text = "Information the reader should notice, set apart from the text around it."


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "site/blocks/warning_text.html"
        help_text = "Something the reader must know, such as a legal duty or a risk."


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120, help_text="The question or label the reader opens.")
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "collapse-down"
        template = "site/blocks/details.html"


class LinkBlock(blocks.StructBlock):
    """One link: to a page of this site, a document, or another website. Exactly one."""

    page = blocks.PageChooserBlock(required=False)
    document = DocumentChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="External address")
    title = blocks.CharBlock(
        required=False, max_length=150, help_text="Leave blank to use the page or document title."
    )
    description = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "link"

    def bulk_to_python(self, values):
        # Lists show a linked page's summary, a field of its own type: fetch the pages of
        # every link in the field as their types at once (a query per type), not one by one.
        links = super().bulk_to_python(values)
        by_type = {}
        for link in links:
            if link["page"] is not None:
                by_type.setdefault(link["page"].specific_class, set()).add(link["page"].pk)
        specific = {}
        for model, ids in by_type.items():
            if model is not None:
                specific.update(model.objects.defer_streamfields().in_bulk(ids))
        for link in links:
            if link["page"] is not None:
                link["page"] = specific.get(link["page"].pk, link["page"])
        return links

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            message = "Choose exactly one of a page, a document or an external address."
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        if value.get("url") and not value.get("title"):
            raise StructBlockValidationError(
                block_errors={"title": ValidationError("Give the external link a title.")}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "site/blocks/link_list.html"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="Team or role, not a named person.")
    description = blocks.TextBlock(required=False, max_length=300)
    phone = blocks.CharBlock(required=False, max_length=30)
    email = blocks.EmailBlock(required=False)
    hours = blocks.CharBlock(required=False, max_length=120)
    address = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "user"
        template = "site/blocks/contact_card.html"


class ContentStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="site/blocks/text.html")
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    link_list = LinkListBlock()
    contact_card = ContactCardBlock()
