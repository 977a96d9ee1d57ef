"""MkDocs adapter for the wijkportaal core.

Everything that knows about records lives in the ``wijkportaal`` package; this
package only hands MkDocs the pages the core renders. Moving to another site
engine means writing a new adapter like this one, nothing else.
"""
