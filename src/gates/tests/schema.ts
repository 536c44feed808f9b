// Options of the tests gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";

export const schema = z.object({});
