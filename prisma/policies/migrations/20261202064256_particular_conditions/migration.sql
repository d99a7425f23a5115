-- AlterEnum
ALTER TYPE "policies"."DocumentKind" ADD VALUE 'PARTICULAR_CONDITIONS';
