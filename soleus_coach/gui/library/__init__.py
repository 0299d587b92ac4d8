"""The routines: the home screen, All routines with its table model, the watch on the user's
protocol folder, and a routine shared (export) or printed as a sheet. May use ``gui.common``
and the core; not the session, history or editor packages.
"""
