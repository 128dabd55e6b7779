"""Chat: turns as server-owned runs, their canonical events, the event log and the encoders."""
