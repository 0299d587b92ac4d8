import sys

from soleus_coach.protocol.spec import main

raise SystemExit(main(sys.argv[1:]))
