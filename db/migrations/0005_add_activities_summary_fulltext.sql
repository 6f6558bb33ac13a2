-- The activity search (lib/dal/activities/text-search.ts): words in summaries, found by index.
ALTER TABLE `activities` ADD FULLTEXT INDEX `activities_summary_ft` (`summary`);
