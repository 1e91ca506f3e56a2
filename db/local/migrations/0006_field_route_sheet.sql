CREATE INDEX `cashier_payments_bill_idx` ON `cashier_payments` (`bill_number`,`state`);--> statement-breakpoint
CREATE INDEX `subscribers_meter_idx` ON `subscribers` (`meter_serial`);