import sys

from soleus_coach.protocol.schema import main

raise SystemExit(main(sys.argv[1:]))
