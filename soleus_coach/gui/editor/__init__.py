"""The routine editor: its own window (routine fields, the step list, one form per kind of
step, problems at their fields, the live preview), undo, and :mod:`.hub`, which opens editors
for the main window (New routine, Customize, Edit, Delete, Try it). The draft and its edits
are :mod:`soleus_coach.editing` (no Qt). May use ``gui.library`` (export, print),
``gui.session`` (Try it), ``gui.common`` and the core; never the main window itself
(:class:`.hub.EditorHost` says what it needs of it).
"""
