"""The rules, one small module each; :data:`ALL` is the order the API and the CLI list them in."""

from kenes.rights.rules import leave, payment, permit, registration, stay, termination, wages

ALL = (stay.RULE, permit.RULE, registration.RULE, wages.RULE, payment.RULE, termination.RULE, leave.RULE)
