-- Health and segregation flags that keep an inmate out of work (set by the UPT), and where premi
-- is held for the inmate (savings account or e-money card: cash is forbidden inside).
ALTER TABLE wbp ADD COLUMN flags text[] NOT NULL DEFAULT '{}';
ALTER TABLE wbp ADD COLUMN premi_account text;
