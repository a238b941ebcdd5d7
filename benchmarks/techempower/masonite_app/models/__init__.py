"""The two TechEmpower tables as Masonite ORM models."""
