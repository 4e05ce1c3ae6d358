import type { JobHandlers } from './job-queue.ts';
import { runDonorImport } from '../modules/donors/import/run-donor-import.ts';
import { IMPORT_QUEUE } from '../modules/donors/import/start-donor-import.ts';

/** Every queue and its handler; a module adds one line here (like routes.ts). */
export const jobHandlers: JobHandlers = {
  [IMPORT_QUEUE]: runDonorImport,
};
