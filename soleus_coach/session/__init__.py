"""Timed sessions: plan a protocol into segments, run them on an injected clock. No Qt."""
