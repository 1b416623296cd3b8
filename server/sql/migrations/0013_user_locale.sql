-- API.md `User.locale`: the language of the mail a user gets ("en", the default, or "de"),
-- set at registration or with PATCH /users/me.
ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'de'));
