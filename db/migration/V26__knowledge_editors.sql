-- An agent with the editor flag may publish, archive and verify articles (admins always may). The flag belongs to the
-- account, so the user package owns it and knows nothing of articles.
ALTER TABLE users ADD COLUMN editor BOOLEAN DEFAULT FALSE NOT NULL;

-- The knowledge base's own settings, one row: whether an editor may publish the text they wrote last themselves.
CREATE TABLE kb_settings (
    id                      INTEGER       PRIMARY KEY,
    self_publishing         BOOLEAN       NOT NULL,
    updated_by              VARCHAR(128),
    updated_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_kb_settings_single_row CHECK (id = 1)
);
INSERT INTO kb_settings (id, self_publishing) VALUES (1, FALSE);
