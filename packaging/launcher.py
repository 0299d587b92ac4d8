"""Entry point of the standalone build (PyInstaller needs a script, not ``-m``)."""

import multiprocessing

from soleus_coach.app import main

if __name__ == "__main__":
    # The run import reads files in worker processes ("spawn"): in the frozen app a worker
    # starts this executable again, and freeze_support() runs the worker instead of the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
