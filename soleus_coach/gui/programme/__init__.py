"""A programme over weeks in the window: its card on the home screen (the phase, what is
due today and what is done, the next routine), the morning-after check, the pain during a
loading session, a suggestion to ease off or move on, the calendar, the report for the
physio (a PDF), and a simple maker of programme files. Installed in the main window with one
call (:func:`.hub.install`; :class:`.hub.ProgrammeHost` says what it needs of the window).

Its questions wait their turn: never over the first-run notice, the set-up, a routine's own
questions or any other dialog (:mod:`.questions`). The rules and the records are the core's
(:mod:`soleus_coach.tracker`, :mod:`soleus_coach.programme`, :mod:`soleus_coach.safety`);
``report`` is also the command line's (``soleus-coach report``). May use the routine
editor's field widgets (``gui.editor.fields``), ``gui.common`` and the core; not the
library, session or history packages (their objects reach it through the host).
"""
