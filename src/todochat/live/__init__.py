"""The per-user live feed: change notices to every open client of a user."""
