import { z } from "zod";
import { USER_ROLES } from "@/lib/domain/permissions";

const role = z.enum(USER_ROLES, { error: `Role must be one of: ${USER_ROLES.join(", ")}` });

export const inviteUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
    name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
    role: role.default("viewer"),
  })
  .strict();

export const changeUserRoleSchema = z
  .object({
    userId: z.string().trim().min(1).max(100),
    role,
  })
  .strict();
