"""Entry point of the standalone build (PyInstaller needs a script, not ``-m``)."""

from soleus_coach.app import main

raise SystemExit(main())
