import { MedusaService } from "@medusajs/framework/utils"
import {
  KnownPermission,
  Organization,
  Person,
  RoleAssignment,
  RolePermission,
  OrganizationUnit,
} from "./models"

/**
 * CRUD for organizations, units, people, role assignments and the
 * role-permission matrix. Business rules live in the workflows' steps.
 */
class OrganizationModuleService extends MedusaService({
  Organization,
  OrganizationUnit,
  Person,
  RoleAssignment,
  RolePermission,
  KnownPermission,
}) {}

export default OrganizationModuleService
