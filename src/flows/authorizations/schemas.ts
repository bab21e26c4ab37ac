import { z } from 'zod';

/** The list and the confirm step post one `app.<client id>` field per ticked application (read by `chosenClientIds`). */
export const chooseForm = z.record(z.string(), z.string());
