"""A routine from start to finish: the questions before it (set-up, pain check-in, red flags),
the session screen and its controller (the one Qt adapter around the engine), the compact
timer, "it hurts", and the finish page. :mod:`.flow` holds the sequence as explicit states.
May use ``gui.common`` and the core; not the library, history or editor packages.
"""
