"""A programme over weeks, as plain values and rules. No Qt, no SQL.

``records`` (what is stored: the programme's events, morning checks, pain during loading,
suggestions and the runner's choices), ``state`` (the events folded into where the runner is:
phase, paused, easing off), ``days`` (what is due on a day, what is done, the calendar's
day kinds and the reminders' times) and ``rules`` (the pain-monitoring model: ease off or
move on, each with why). May use ``protocol`` (the programme format), ``checkin``,
``reminders`` and ``texts``; :mod:`soleus_coach.safety` puts the red flags above the rules,
:mod:`soleus_coach.tracker` reads and writes them through the history.
"""
