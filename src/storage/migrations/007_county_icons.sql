-- A county's icon for the map of counties (PNG or SVG, served from this site so the CSP holds).
ALTER TABLE county_providers ADD COLUMN icon bytea;
ALTER TABLE county_providers ADD COLUMN icon_type text CHECK (icon_type IN ('image/png', 'image/svg+xml'));
