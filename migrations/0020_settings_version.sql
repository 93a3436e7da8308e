-- A mode's settings carry a version that every change bumps. A new checkout session is inserted only
-- while the settings its defaults came from are still the current version (one guarded statement), so
-- an isolate may keep the settings in memory and still never create a session from stale ones.
ALTER TABLE merchant_mode_settings ADD COLUMN version integer NOT NULL DEFAULT 0;
