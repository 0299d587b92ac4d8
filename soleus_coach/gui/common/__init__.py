"""Small pieces every part of the window uses: plain text for untrusted strings
(:mod:`.plain`), the palettes (:mod:`.theme`), the exercise picture, the sound service,
the table of actions and their keys, translations, the crash box, signals, and top-level
window helpers. May use the core (``soleus_coach.*`` outside ``gui``) and Qt; never another
``gui`` package.
"""
