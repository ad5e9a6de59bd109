#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *xml_to_json(char *xml, int indent);
/* reads records: indent TAB hex-encoded xml per line; prints hex of json */
int main(void){
  char line[1<<16];
  while(fgets(line,sizeof line,stdin)){
    int indent; char hex[1<<15];
    if(sscanf(line,"%d\t%s",&indent,hex)<1) continue;
    if(strchr(line,'\t')==0 || sscanf(line,"%d\t%s",&indent,hex)<2) hex[0]=0;
    size_t n=strlen(hex)/2; char *x=calloc(n+64,1);
    for(size_t i=0;i<n;i++){ unsigned v; sscanf(hex+2*i,"%2x",&v); x[i]=v; }
    char *j=xml_to_json(x,indent);
    for(char *p=j;*p;p++) printf("%02x",(unsigned char)*p);
    printf("\n"); fflush(stdout);
  }
}
