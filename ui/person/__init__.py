"""The person page: header and sections (Journal, Goals, Pains, Decisions, Referrals, Profile)."""
