-- The image/video/music task IDs a customer gave in the form's or the API's own field (at most 5 of up to 64
-- characters, one per line). Task IDs only named in the ticket's texts are still found there when read.
ALTER TABLE tickets ADD COLUMN task_ids VARCHAR(400);
