-- AlterTable
ALTER TABLE "map_member" ADD COLUMN     "includeNotes" BOOLEAN NOT NULL DEFAULT false;

