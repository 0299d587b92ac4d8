"""Soleus Coach: guided calf (soleus) stretching and icing for runners."""

__version__ = "0.1.0"
