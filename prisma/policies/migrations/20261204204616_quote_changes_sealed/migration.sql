-- A quote's changes become a JSON list, so that they can be sealed at rest (a move names the new address). The
-- lists already stored are kept, in clear until `npm run keys:rotate` seals them.
ALTER TABLE "policies"."Quote" ALTER COLUMN "changes" SET DATA TYPE JSONB USING to_jsonb(COALESCE("changes", ARRAY[]::TEXT[])),
ALTER COLUMN "changes" SET NOT NULL;
