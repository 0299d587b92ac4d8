from soleus_coach.app import main

raise SystemExit(main())
