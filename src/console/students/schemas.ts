import { z } from 'zod';
import { text } from '../../flows/kit/form.ts';

/** A class as the source data names it (class_no): letters, digits and 「-」. */
export const classNo = z.string().trim().max(20).regex(/^[A-Za-z0-9-]*$/, 'admin.students.badClass');
export const schoolCode = z.string().trim().min(1, 'admin.students.schoolRequired').max(20);

/** The console's choice (GET query) and the create form (POST). */
export const chooseForm = z.object({ school: text(20), class: text(20) });
export const provisionForm = z.object({ school: schoolCode, class: classNo.default('') });

const classInfo = z.object({ year: z.string(), semester: z.string(), grade: z.string(), classno: z.string(), classtitle: z.string() });

export const studentAccountSchema = z
  .object({
    accountId: z.string(),
    username: z.string(),
    name: z.string(),
    class: classInfo.nullable().meta({ description: 'the current class (latest year and semester)' }),
    mustChangePassword: z.boolean().meta({ description: 'true while the initial password from the sheet is still in use' }),
    createdAt: z.string(),
  })
  .meta({ id: 'StudentAccount' });

export const batchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['provision', 'reset']),
    class: z.string().nullable(),
    count: z.number().int(),
    actor: z.string().meta({ description: "'account:<id>', 'client:<id>' or 'cli'" }),
    createdAt: z.string(),
  })
  .meta({ id: 'ProvisioningBatch' });

export const schoolStudentsSchema = z
  .object({
    school: z.object({ code: z.string(), name: z.string() }),
    students: z.array(studentAccountSchema),
    batches: z.array(batchSchema),
  })
  .meta({ id: 'SchoolStudents' });

export const provisionBody = z.object({ class: classNo.optional().meta({ description: 'one class (class_no, e.g. 701); absent: the whole school' }) }).meta({ id: 'ProvisionStudents' });
