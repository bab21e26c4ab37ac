-- MOE county codes: the county's own code (the statistics' 縣市代碼, e.g. 09 雲林縣, 30 臺北市) and
-- every code a school code may start with (臺北市 30–42, 臺中市 06 and 19: the merged county and city).
ALTER TABLE counties ADD COLUMN moe_code text UNIQUE;
ALTER TABLE counties ADD COLUMN moe_codes text[] NOT NULL DEFAULT '{}';
