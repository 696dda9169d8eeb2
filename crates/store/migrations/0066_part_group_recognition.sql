-- Recognition under the Overlegwet is the landlord's decision (Wohv art. 1; RULES.md: "the landlord may refuse to
-- recognise a committee that cannot show it represents the residents"). A tenant organisation could tick its own
-- committee's criteria and read "Erkend (Overlegwet)" at once, counted as formal representation on the corporation's
-- coverage. The group now keeps the day the corporation recognised it and who did; a formal body counts as recognised
-- when its criteria are met and the corporation recognised it (ADR 0072).
ALTER TABLE part_groups ADD COLUMN recognised_on TEXT;
ALTER TABLE part_groups ADD COLUMN recognised_by TEXT;
