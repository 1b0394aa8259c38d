import { describe, expect, it } from 'vitest';
import { classRoleOf, contextRole } from './roles';

const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

describe('LMS roles', () => {
  it('reads full, short and sub-role names; institution and system roles name no course role', () => {
    expect(contextRole(`${M}#Instructor`)).toBe('Instructor');
    expect(contextRole('Learner')).toBe('Learner');
    expect(contextRole(`${M}/Instructor#TeachingAssistant`)).toBe('Instructor');
    expect(
      contextRole('http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor'),
    ).toBeNull();
    expect(
      contextRole('http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator'),
    ).toBeNull();
  });

  it('Instructor, Administrator and ContentDeveloper teach; Learner learns; teaching wins', () => {
    expect(classRoleOf([`${M}#Instructor`])).toBe('teacher');
    expect(classRoleOf([`${M}#Administrator`])).toBe('teacher');
    expect(classRoleOf([`${M}#ContentDeveloper`])).toBe('teacher');
    expect(classRoleOf([`${M}/Instructor#TeachingAssistant`])).toBe('teacher');
    expect(classRoleOf([`${M}#Learner`])).toBe('student');
    expect(classRoleOf(['Learner'])).toBe('student');
    expect(classRoleOf([`${M}#Learner`, `${M}#Instructor`])).toBe('teacher');
  });

  it('mentors, members, institution-only roles and no roles have no place', () => {
    expect(classRoleOf([`${M}#Mentor`])).toBeNull();
    expect(classRoleOf([`${M}#Member`])).toBeNull();
    expect(
      classRoleOf(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty']),
    ).toBeNull();
    expect(classRoleOf([])).toBeNull();
  });
});
