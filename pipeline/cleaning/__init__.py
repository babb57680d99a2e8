"""The boilerplate cleaner's parts (see ``pipeline.clean`` for the order they run in).

``lines`` is the bottom layer (the per-line record and navigation); ``text`` the small shared
predicates; ``rules`` the vocabulary as data, grouped by family; ``captions``, ``bylines``,
``blocks``, ``slugs`` and ``signals`` decide lines in context; ``outlets`` and ``metadata``
read title, date, outlet, author and wire. Modules import downwards only, never
``pipeline.clean``.
"""
