-- The activity search (lib/dal/activities/list-activities.ts): words and phrases in log messages and paths.
ALTER TABLE `activity_entries` ADD FULLTEXT INDEX `activity_entries_text_ft` (`message`, `path`);
