CREATE TABLE `resellers` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(120) NOT NULL,
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `resellers_id` PRIMARY KEY(`id`),
	CONSTRAINT `resellers_name_unique` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`login` varchar(190) NOT NULL,
	`name` varchar(120) NOT NULL,
	`role` enum('admin','reseller','customer') NOT NULL,
	`reseller_id` bigint unsigned,
	`password_hash` varchar(255) NOT NULL,
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_login_unique` UNIQUE(`login`)
);
--> statement-breakpoint
CREATE TABLE `backup_servers` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(64) NOT NULL,
	`url` varchar(255) NOT NULL,
	`status` enum('online','draining','offline') NOT NULL DEFAULT 'offline',
	`version` varchar(32),
	`last_heartbeat_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `backup_servers_id` PRIMARY KEY(`id`),
	CONSTRAINT `backup_servers_name_unique` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `server_devices` (
	`server_id` bigint unsigned NOT NULL,
	`device_id` bigint unsigned NOT NULL,
	`mount_path` varchar(512) NOT NULL,
	CONSTRAINT `server_devices_server_id_device_id_pk` PRIMARY KEY(`server_id`,`device_id`)
);
--> statement-breakpoint
CREATE TABLE `storage_devices` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(64) NOT NULL,
	`path` varchar(512) NOT NULL,
	`capacity_bytes` bigint unsigned NOT NULL,
	`used_bytes` bigint unsigned NOT NULL DEFAULT 0,
	`status` enum('active','read_only','retired') NOT NULL DEFAULT 'active',
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `storage_devices_id` PRIMARY KEY(`id`),
	CONSTRAINT `storage_devices_name_unique` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `backup_accounts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`login_name` varchar(64) NOT NULL,
	`reseller_id` bigint unsigned NOT NULL,
	`customer_user_id` bigint unsigned NOT NULL,
	`storage_device_id` bigint unsigned NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`quota_bytes` bigint unsigned NOT NULL,
	`used_bytes` bigint unsigned NOT NULL DEFAULT 0,
	`status` enum('active','suspended','moving') NOT NULL DEFAULT 'active',
	`expected_interval_hours` int unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `backup_accounts_id` PRIMARY KEY(`id`),
	CONSTRAINT `backup_accounts_login_name_unique` UNIQUE(`login_name`)
);
--> statement-breakpoint
CREATE TABLE `activities` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`reseller_id` bigint unsigned NOT NULL,
	`server_id` bigint unsigned,
	`kind` enum('backup','restore','check','prune') NOT NULL,
	`status` enum('success','warning','failed','interrupted','running') NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`ended_at` datetime(3),
	`files_count` int unsigned NOT NULL DEFAULT 0,
	`bytes_scanned` bigint unsigned NOT NULL DEFAULT 0,
	`bytes_new` bigint unsigned NOT NULL DEFAULT 0,
	`bytes_stored` bigint unsigned NOT NULL DEFAULT 0,
	`error_count` int unsigned NOT NULL DEFAULT 0,
	`warning_count` int unsigned NOT NULL DEFAULT 0,
	`client_host` varchar(255),
	`client_version` varchar(32),
	`snapshot_id` varchar(64),
	`summary` varchar(500),
	`idempotency_key` varchar(64) NOT NULL,
	CONSTRAINT `activities_id` PRIMARY KEY(`id`),
	CONSTRAINT `activities_idempotency_key_uq` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `activity_entries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`activity_id` bigint unsigned NOT NULL,
	`level` enum('info','warning','error') NOT NULL,
	`at` datetime(3) NOT NULL,
	`path` varchar(1024),
	`message` text NOT NULL,
	CONSTRAINT `activity_entries_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`snapshot_id` varchar(64) NOT NULL,
	`taken_at` datetime(3) NOT NULL,
	`host` varchar(255),
	`paths` text NOT NULL,
	`files_count` int unsigned NOT NULL DEFAULT 0,
	`bytes_total` bigint unsigned NOT NULL DEFAULT 0,
	`bytes_added` bigint unsigned NOT NULL DEFAULT 0,
	`activity_id` bigint unsigned,
	CONSTRAINT `snapshots_id` PRIMARY KEY(`id`),
	CONSTRAINT `snapshots_account_snapshot_uq` UNIQUE(`account_id`,`snapshot_id`)
);
--> statement-breakpoint
CREATE TABLE `account_usage_samples` (
	`account_id` bigint unsigned NOT NULL,
	`at` datetime(3) NOT NULL,
	`used_bytes` bigint unsigned NOT NULL,
	CONSTRAINT `account_usage_samples_account_id_at_pk` PRIMARY KEY(`account_id`,`at`)
);
--> statement-breakpoint
CREATE TABLE `device_usage_samples` (
	`device_id` bigint unsigned NOT NULL,
	`at` datetime(3) NOT NULL,
	`used_bytes` bigint unsigned NOT NULL,
	`capacity_bytes` bigint unsigned NOT NULL,
	CONSTRAINT `device_usage_samples_device_id_at_pk` PRIMARY KEY(`device_id`,`at`)
);
--> statement-breakpoint
CREATE TABLE `server_load_samples` (
	`server_id` bigint unsigned NOT NULL,
	`at` datetime(3) NOT NULL,
	`cpu_percent` double NOT NULL,
	`memory_bytes` bigint unsigned NOT NULL,
	`sessions` int unsigned NOT NULL,
	`bytes_in` bigint unsigned NOT NULL,
	`bytes_out` bigint unsigned NOT NULL,
	CONSTRAINT `server_load_samples_server_id_at_pk` PRIMARY KEY(`server_id`,`at`)
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` datetime(3) NOT NULL,
	`actor_user_id` bigint unsigned,
	`reseller_id` bigint unsigned,
	`action` varchar(64) NOT NULL,
	`target_type` varchar(32) NOT NULL,
	`target_id` varchar(64) NOT NULL,
	`details` json,
	`ip` varchar(45),
	CONSTRAINT `audit_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`login` varchar(190) NOT NULL,
	`ip` varchar(45) NOT NULL,
	`outcome` enum('success','failure','locked') NOT NULL,
	`at` datetime(3) NOT NULL,
	CONSTRAINT `login_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `move_jobs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`from_device_id` bigint unsigned NOT NULL,
	`to_device_id` bigint unsigned NOT NULL,
	`state` enum('queued','copying','freezing','verifying','switching','grace','done','failed','cancelled') NOT NULL DEFAULT 'queued',
	`bytes_total` bigint unsigned NOT NULL DEFAULT 0,
	`bytes_copied` bigint unsigned NOT NULL DEFAULT 0,
	`objects_total` bigint unsigned NOT NULL DEFAULT 0,
	`objects_copied` bigint unsigned NOT NULL DEFAULT 0,
	`claimed_by_server_id` bigint unsigned,
	`error` varchar(1000),
	`created_by_user_id` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3),
	`finished_at` datetime(3),
	CONSTRAINT `move_jobs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_reseller_id_resellers_id_fk` FOREIGN KEY (`reseller_id`) REFERENCES `resellers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `server_devices` ADD CONSTRAINT `server_devices_server_id_backup_servers_id_fk` FOREIGN KEY (`server_id`) REFERENCES `backup_servers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `server_devices` ADD CONSTRAINT `server_devices_device_id_storage_devices_id_fk` FOREIGN KEY (`device_id`) REFERENCES `storage_devices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `backup_accounts` ADD CONSTRAINT `backup_accounts_reseller_id_resellers_id_fk` FOREIGN KEY (`reseller_id`) REFERENCES `resellers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `backup_accounts` ADD CONSTRAINT `backup_accounts_customer_user_id_users_id_fk` FOREIGN KEY (`customer_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `backup_accounts` ADD CONSTRAINT `backup_accounts_storage_device_id_storage_devices_id_fk` FOREIGN KEY (`storage_device_id`) REFERENCES `storage_devices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activities` ADD CONSTRAINT `activities_account_id_backup_accounts_id_fk` FOREIGN KEY (`account_id`) REFERENCES `backup_accounts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activities` ADD CONSTRAINT `activities_server_id_backup_servers_id_fk` FOREIGN KEY (`server_id`) REFERENCES `backup_servers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activity_entries` ADD CONSTRAINT `activity_entries_activity_id_activities_id_fk` FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `snapshots` ADD CONSTRAINT `snapshots_account_id_backup_accounts_id_fk` FOREIGN KEY (`account_id`) REFERENCES `backup_accounts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `snapshots` ADD CONSTRAINT `snapshots_activity_id_activities_id_fk` FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `account_usage_samples` ADD CONSTRAINT `account_usage_samples_account_id_backup_accounts_id_fk` FOREIGN KEY (`account_id`) REFERENCES `backup_accounts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `device_usage_samples` ADD CONSTRAINT `device_usage_samples_device_id_storage_devices_id_fk` FOREIGN KEY (`device_id`) REFERENCES `storage_devices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `server_load_samples` ADD CONSTRAINT `server_load_samples_server_id_backup_servers_id_fk` FOREIGN KEY (`server_id`) REFERENCES `backup_servers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_actor_user_id_users_id_fk` FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `move_jobs` ADD CONSTRAINT `move_jobs_account_id_backup_accounts_id_fk` FOREIGN KEY (`account_id`) REFERENCES `backup_accounts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `move_jobs` ADD CONSTRAINT `move_jobs_from_device_id_storage_devices_id_fk` FOREIGN KEY (`from_device_id`) REFERENCES `storage_devices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `move_jobs` ADD CONSTRAINT `move_jobs_to_device_id_storage_devices_id_fk` FOREIGN KEY (`to_device_id`) REFERENCES `storage_devices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `move_jobs` ADD CONSTRAINT `move_jobs_claimed_by_server_id_backup_servers_id_fk` FOREIGN KEY (`claimed_by_server_id`) REFERENCES `backup_servers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `move_jobs` ADD CONSTRAINT `move_jobs_created_by_user_id_users_id_fk` FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `users_reseller_role_idx` ON `users` (`reseller_id`,`role`);--> statement-breakpoint
CREATE INDEX `server_devices_device_idx` ON `server_devices` (`device_id`);--> statement-breakpoint
CREATE INDEX `accounts_reseller_idx` ON `backup_accounts` (`reseller_id`);--> statement-breakpoint
CREATE INDEX `accounts_customer_idx` ON `backup_accounts` (`customer_user_id`);--> statement-breakpoint
CREATE INDEX `accounts_device_idx` ON `backup_accounts` (`storage_device_id`);--> statement-breakpoint
CREATE INDEX `activities_account_started_idx` ON `activities` (`account_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `activities_reseller_status_started_idx` ON `activities` (`reseller_id`,`status`,`started_at`);--> statement-breakpoint
CREATE INDEX `activities_reseller_started_idx` ON `activities` (`reseller_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `activities_status_started_idx` ON `activities` (`status`,`started_at`);--> statement-breakpoint
CREATE INDEX `activity_entries_activity_idx` ON `activity_entries` (`activity_id`,`id`);--> statement-breakpoint
CREATE INDEX `activity_entries_activity_level_idx` ON `activity_entries` (`activity_id`,`level`,`id`);--> statement-breakpoint
CREATE INDEX `snapshots_account_taken_idx` ON `snapshots` (`account_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `audit_events_reseller_at_idx` ON `audit_events` (`reseller_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_target_idx` ON `audit_events` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_login_ip_outcome_at_idx` ON `login_attempts` (`login`,`ip`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_ip_outcome_at_idx` ON `login_attempts` (`ip`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_login_outcome_at_idx` ON `login_attempts` (`login`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `move_jobs_state_idx` ON `move_jobs` (`state`);--> statement-breakpoint
CREATE INDEX `move_jobs_account_idx` ON `move_jobs` (`account_id`);