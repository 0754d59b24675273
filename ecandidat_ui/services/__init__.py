"""The platform's rules, as plain functions and classes over the database. Nothing here imports nicegui."""
