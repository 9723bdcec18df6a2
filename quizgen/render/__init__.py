"""Printable worksheets: the view model (sheet), the PDF (typst) and HTML (jinja2) renderers."""
