CREATE TABLE "early_warning_changes" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "early_warning_changes_tenant_id_student_id_pk" PRIMARY KEY("tenant_id","student_id")
);
